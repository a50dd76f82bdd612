# `make check-layers` (part of `make check`): no include points from a
# folder of src/ to a folder at its own or a higher layer; the order of
# the layers is written once, in scripts/check-layers.
.PHONY: check-layers
CHECK_TARGETS += check-layers
check-layers:
	@sh scripts/check-layers
