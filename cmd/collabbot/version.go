package main

import (
	"runtime/debug"
	"strings"
)

// revision is the source revision when the build could not record it
// itself: the image is built without .git, so the Dockerfile passes
// -ldflags "-X main.revision=…". It is written only by the linker.
var revision string

// buildVersion describes the binary: its module version, Go version and,
// when the build recorded it, the source revision.
func buildVersion() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "collabbot (no build information)"
	}
	return formatVersion(info, revision)
}

// formatVersion describes info; linked is the revision given at link time,
// used when info records none.
func formatVersion(info *debug.BuildInfo, linked string) string {
	parts := []string{"collabbot", info.Main.Version, info.GoVersion}
	if info.Main.Version == "" {
		parts[1] = "(devel)"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	if settings["vcs.revision"] == "" {
		settings["vcs.revision"] = linked
	}
	if rev := settings["vcs.revision"]; rev != "" {
		parts = append(parts, "revision "+rev)
		if t := settings["vcs.time"]; t != "" {
			parts = append(parts, t)
		}
		if settings["vcs.modified"] == "true" {
			parts = append(parts, "(modified)")
		}
	}
	return strings.Join(parts, " ")
}
