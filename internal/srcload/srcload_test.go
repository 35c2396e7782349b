package srcload

import (
	"go/types"
	"path/filepath"
	"strings"
	"testing"
)

// TestStdCache loads the declarations of encoding/json and slices (and
// their dependencies) from source into an empty cache, then from the
// cache, and compares every exported package-level object.
func TestStdCache(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: loads the standard library from source")
	}
	saveDir, saveStd, saveKeys, saveOnly := stdCacheDir, std, stdKeys, stdDeclsOnly
	defer func() { stdCacheDir, std, stdKeys, stdDeclsOnly = saveDir, saveStd, saveKeys, saveOnly }()
	stdCacheDir = t.TempDir()
	stdDeclsOnly = func() bool { return true } // as under -short, which the cache serves

	load := func() map[string]*types.Package {
		std = newLoader(nil)
		stdKeys = map[string]string{"unsafe": "unsafe"}
		l := newLoader([]string{t.TempDir()})
		if _, err := l.Load("encoding/json", "slices"); err != nil {
			t.Fatal(err)
		}
		m := map[string]*types.Package{}
		for path, p := range std.pkgs {
			for _, e := range p.Errors {
				t.Errorf("%s: %v", path, e)
			}
			m[path] = p.Types
		}
		return m
	}
	fromSource := load()
	files, _ := filepath.Glob(filepath.Join(stdCacheDir, "*", "*"))
	if len(files) < len(fromSource)-1 { // unsafe is not written
		t.Errorf("%d cache entries for %d packages", len(files), len(fromSource))
	}
	fromCache := load()
	if len(fromCache) != len(fromSource) {
		t.Fatalf("%d packages from the cache, %d from source", len(fromCache), len(fromSource))
	}
	cached := 0
	for path, p := range std.pkgs {
		if path != "unsafe" && len(p.Syntax) == 0 {
			cached++
		}
	}
	if cached != len(fromCache)-1 {
		t.Errorf("%d of %d packages read from the cache", cached, len(fromCache)-1)
	}
	for path, src := range fromSource {
		got := fromCache[path]
		if got == nil {
			t.Errorf("%s: not loaded from the cache", path)
			continue
		}
		if len(got.Imports()) != len(src.Imports()) {
			t.Errorf("%s: %d imports from the cache, %d from source", path, len(got.Imports()), len(src.Imports()))
		}
		for _, name := range src.Scope().Names() {
			o1, o2 := src.Scope().Lookup(name), got.Scope().Lookup(name)
			if !o1.Exported() {
				continue
			}
			if o2 == nil {
				t.Errorf("%s.%s: missing from the cache", path, name)
				continue
			}
			// Export data spells any as interface{}: the same type.
			s1 := strings.ReplaceAll(types.ObjectString(o1, nil), "any", "interface{}")
			s2 := strings.ReplaceAll(types.ObjectString(o2, nil), "any", "interface{}")
			if s1 != s2 {
				t.Errorf("%s.%s: from source %s, from the cache %s", path, name, s1, s2)
			}
		}
	}
}
