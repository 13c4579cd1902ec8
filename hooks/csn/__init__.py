"""The data layer of the CSN showcase: YAML -> validated model -> plan of pages -> HTML.

Plain Python: nothing here imports MkDocs, so it outlives the host.
"""
