"""How the monitor's figures are made: the area tree and counting along it (areas), periods (periods),
small-number protection (privacy), health outcomes from consented scores (outcomes) and the snapshot
run that computes and freezes every period (snapshots). Nothing here renders or reads a request."""
