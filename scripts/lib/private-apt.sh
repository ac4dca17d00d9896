# Sourced by the scripts that fetch Debian packages: a private apt configuration (its own sources,
# lists and cache under APTDIR) so the machine's own apt sources and state are never touched.
# Uses: APTDIR, MIRROR, SUITE, KEYRING; defines APT_OPTS and writes the sources file.
private_apt_setup() {
	mkdir -p "$APTDIR/sources" "$APTDIR/lists/partial" "$APTDIR/cache/archives/partial"
	cat >"$APTDIR/sources/fusefs-gate-$SUITE.sources" <<SOURCES
Types: deb
URIs: $MIRROR
Suites: $SUITE
Components: main
Signed-By: $KEYRING
SOURCES
	APT_OPTS=(
		-o "Dir::Etc::SourceList=/dev/null"
		-o "Dir::Etc::SourceParts=$APTDIR/sources"
		-o "Dir::State::Lists=$APTDIR/lists"
		-o "Dir::Cache=$APTDIR/cache"
		-o "Dir::State::Status=/dev/null"
		-o "APT::Sandbox::User=root"
		-o "APT::Architecture=amd64"
		-o "APT::Architectures=amd64"
	)
}
