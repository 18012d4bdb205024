"""The checks part's state: what the check found in the files before
Pelican read them, for the gate to finish with the bodies."""


class CheckState:
    def __init__(self):
        self.reset()

    def reset(self):
        self.files = None  # run.FileCheck of this build, from gate.check_before_reading


STATE = CheckState()
