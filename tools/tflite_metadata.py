"""Add image-input and feature-output TFLite metadata to a model, with mediapipe's writer.

mediapipe 1.2.x ships the Python MetadataWriter but not the native helper it imports,
`mediapipe.tasks.cc.metadata.python._pywrap_metadata_version`. That helper only answers one
question: the oldest metadata parser able to read the buffer. The metadata written here uses
nothing newer than the first schema (image normalisation and plain feature tensors), so the
answer is "1.0.0" — the value the native helper of mediapipe 0.10.21 gives for these models.
A stand-in module with that answer is registered only while this build runs.
"""

from __future__ import annotations

import sys
import types

MIN_PARSER_VERSION = "1.0.0"
_HELPER = "mediapipe.tasks.cc.metadata.python._pywrap_metadata_version"


def _install_version_helper() -> None:
    """Register the stand-in helper module (and its packages) unless a real one exists."""
    try:
        __import__(_HELPER)
        return
    except ImportError:
        pass
    parts = _HELPER.split(".")
    for depth in range(3, len(parts) + 1):
        name = ".".join(parts[:depth])
        if name in sys.modules:
            continue
        module = types.ModuleType(name)
        if depth < len(parts):
            module.__path__ = []
        sys.modules[name] = module
        setattr(sys.modules[".".join(parts[: depth - 1])], parts[depth - 1], module)
    helper = sys.modules[_HELPER]
    helper.GetMinimumMetadataParserVersion = lambda _buffer: MIN_PARSER_VERSION  # type: ignore[attr-defined]


def write_feature_metadata(
    model: bytes, name: str, norm: tuple[float, float], description: str
) -> bytes:
    """Return `model` with metadata: one RGB image input (mean, std) and a feature per output."""
    _install_version_helper()
    from mediapipe.tasks.python.metadata.metadata_writers import metadata_writer, writer_utils

    mean, std = norm
    writer = metadata_writer.MetadataWriter.create(bytearray(model))
    writer.add_general_info(name, description)
    writer.add_image_input(norm_mean=[mean], norm_std=[std])
    for _ in writer_utils.get_output_tensor_names(bytearray(model)):
        writer.add_feature_output()
    populated, _json = writer.populate()
    del writer  # its __del__ cleans a temp folder; run it now, not at interpreter exit
    return bytes(populated)
