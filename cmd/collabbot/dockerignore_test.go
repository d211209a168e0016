package main

import (
	"path"
	"reflect"
	"regexp"
	"strings"
)

// ignorePattern is one .dockerignore line.
type ignorePattern struct {
	re     *regexp.Regexp
	negate bool
}

// dockerignore reads .dockerignore as Docker does: path.Match patterns
// where ** stands for any number of directories, "!" re-includes, and the
// last matching line wins.
func dockerignore(text string) []ignorePattern {
	var out []ignorePattern
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		line, negate := strings.CutPrefix(line, "!")
		re := globRegexp(path.Clean(strings.TrimPrefix(line, "/")))
		out = append(out, ignorePattern{re: re, negate: negate})
	}
	return out
}

func globRegexp(glob string) *regexp.Regexp {
	var b strings.Builder
	for i := 0; i < len(glob); i++ {
		switch c := glob[i]; {
		case strings.HasPrefix(glob[i:], "**/"):
			b.WriteString("(.*/)?")
			i += 2
		case strings.HasPrefix(glob[i:], "**"):
			b.WriteString(".*")
			i++
		case c == '*':
			b.WriteString("[^/]*")
		case c == '?':
			b.WriteString("[^/]")
		default:
			b.WriteString(regexp.QuoteMeta(string(c)))
		}
	}
	return regexp.MustCompile("^" + b.String() + "$")
}

// ignored reports whether file, or a directory above it, is dropped.
func ignored(patterns []ignorePattern, file string) bool {
	drop := false
	for _, p := range patterns {
		for f := file; f != "." && f != "/"; f = path.Dir(f) {
			if p.re.MatchString(f) {
				drop = !p.negate
				break
			}
		}
	}
	return drop
}

// fieldTag is one envconfig variable of a struct.
type fieldTag struct{ env, def string }

func tagsOf(v any) []fieldTag {
	var out []fieldTag
	t := reflect.TypeOf(v)
	for i := range t.NumField() {
		if env := t.Field(i).Tag.Get("envconfig"); env != "" {
			out = append(out, fieldTag{env, t.Field(i).Tag.Get("default")})
		}
	}
	return out
}
