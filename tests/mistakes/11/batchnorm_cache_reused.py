"""batchnorm_forward filling one module-level cache dict, so a later call overwrites an earlier call's cache."""

TARGET = "normalization.py"
CAUGHT_BY = "returns a NEW cache"
SANDBOX = "the cache is an object that lives in the learner's process between calls"

import math

import numpy as np


_CACHE = {}

_solution_forward = batchnorm_forward


def batchnorm_forward(x, gamma, beta, running_mean, running_var, **options):
    y, cache = _solution_forward(x, gamma, beta, running_mean, running_var, **options)
    _CACHE.update(cache)
    return y, _CACHE
