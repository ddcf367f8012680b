def legacy_tool():
    return "legacy"
