"""Serializers: RDF formats written from kwpld's sorted N-Triples terms."""
