import RelayYAML

/// One problem found in a catalog file, with the place it was found (`path:line:column: error: …`).
public typealias CatalogDiagnostic = YAMLDiagnostic

/// A catalog that could not be loaded, with every problem found in it.
public typealias CatalogError = YAMLFileError
