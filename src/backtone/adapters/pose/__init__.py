"""Pose backends: video in, `backtone.formcheck.PoseSequence` out, plus annotated output.

MediaPipe and OpenCV are imported inside the functions that need them, so importing this
package stays cheap.
"""
