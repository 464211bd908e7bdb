# A stand-in for OpenStack Trove's source tree, used to build and boot test images where
# no package index or git host is reachable. It installs like Trove: a `trove` package
# with a `trove-guestagent` console script, and needs nothing beyond the standard library.
from setuptools import find_packages, setup

setup(
    name='trove',
    version='13.0.1',
    description='tib test fixture: a stand-in Trove guest agent (not OpenStack Trove)',
    packages=find_packages(),
    python_requires='>=3.6',
    entry_points={'console_scripts': ['trove-guestagent = trove.cmd.guest:main']},
)
