"""The data is parsed by libyaml's C parser: PyYAML's pure-Python one is about 14 times slower."""

from __future__ import annotations

import yaml

from csn.data import yaml_loader
from tests.helpers.sitebuild import PROJECT_DIR


def test_pyyaml_has_its_c_extension():
    assert yaml.__with_libyaml__, "PyYAML was installed without libyaml: reinstall it from a wheel"


def test_the_loader_uses_the_c_parser():
    assert yaml_loader.uses_c_loader()
    assert yaml_loader._Loader is yaml.CSafeLoader


def test_data_files_are_parsed_by_the_c_parser(monkeypatch):
    made = []

    class Spy(yaml_loader._Loader):
        def __init__(self, stream):
            made.append(type(self).__mro__)
            super().__init__(stream)

    monkeypatch.setattr(yaml_loader, "_Loader", Spy)
    paths = sorted((PROJECT_DIR / "data").rglob("*.yml"))
    for path in paths:
        mapping, problems = yaml_loader.load_yaml_file(path, path.name)
        assert mapping is not None and not problems
    assert len(made) == len(paths)
    assert all(yaml.CSafeLoader in mro and yaml.cyaml.CParser in mro for mro in made)
