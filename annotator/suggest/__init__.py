"""Suggesters: plugins that propose candidate entities for a document's text.

Heavy imports (torch, transformers, camel_tools.ner) happen inside the NER suggester, lazily.
"""
