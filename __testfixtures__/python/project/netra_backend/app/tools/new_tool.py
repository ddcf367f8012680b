def legacy_tool():
    return "new"
