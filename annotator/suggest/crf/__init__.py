"""A small CRF named-entity tagger for Arabic, trained on the Wojood sample; no torch.

Modules:
- `tokens`   the one import of the word tokenizer (camel-tools' simple_word_tokenize).
- `corpus`   sentences with gold spans: nested CoNLL reading, text + code-point spans.
- `features` word features (normalised forms, proclitic readings, affixes, shape,
             neighbours, CLDR place and cue-word lexicons).
- `model`    `CrfNerModel`: training with CRFsuite, save/load, prediction with confidences.
- `scoring`  exact and clitic-tolerant span scoring, and cross-validation.
"""
