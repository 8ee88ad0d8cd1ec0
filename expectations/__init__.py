"""Great Expectations suites (GX 1.x) for the pipeline's frames, and the code that runs them."""
