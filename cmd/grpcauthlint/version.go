package main

// grpcauthlint -version and grpcauthlint version: the module version and
// the VCS revision the binary was built from, read from its build
// information. go vet's -V=full (the tool's identity in the go command's
// cache keys) is unitchecker's and is left alone.

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// versionLine describes the build: "grpcauthlint VERSION [(revision
// REV, TIME[, modified])] [=> REPLACEMENT] GOVERSION GOOS/GOARCH".
func versionLine(bi *debug.BuildInfo) string {
	var b strings.Builder
	b.WriteString("grpcauthlint ")
	version := "(devel)"
	if bi != nil && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	b.WriteString(version)
	if bi == nil {
		fmt.Fprintf(&b, " %s %s/%s", runtime.Version(), runtime.GOOS, runtime.GOARCH)
		return b.String()
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	if rev := settings["vcs.revision"]; rev != "" {
		fmt.Fprintf(&b, " (revision %s", rev)
		if t := settings["vcs.time"]; t != "" {
			fmt.Fprintf(&b, ", %s", t)
		}
		if settings["vcs.modified"] == "true" {
			b.WriteString(", modified")
		}
		b.WriteString(")")
	}
	if r := bi.Main.Replace; r != nil {
		fmt.Fprintf(&b, " => %s", r.Path)
		if r.Version != "" {
			fmt.Fprintf(&b, " %s", r.Version)
		}
	}
	fmt.Fprintf(&b, " %s %s/%s", bi.GoVersion, runtime.GOOS, runtime.GOARCH)
	return b.String()
}

func printVersion(w io.Writer) {
	bi, _ := debug.ReadBuildInfo()
	fmt.Fprintln(w, versionLine(bi))
}
