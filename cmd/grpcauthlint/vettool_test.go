package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestFactsOnlyUnit: the vet tool tells go vet's facts-only runs of
// dependencies (VetxOnly) from root runs by the unit's configuration.
func TestFactsOnlyUnit(t *testing.T) {
	dir := t.TempDir()
	for body, want := range map[string]bool{
		`{"ID": "a", "VetxOnly": true, "GoFiles": ["a.go"]}`:  true,
		`{"ID": "a", "VetxOnly": false, "GoFiles": ["a.go"]}`: false,
		`{"ID": "a"}`: false,
		`not json`:    false,
		"{\n\t\"ID\": \"a\",\n\t\"VetxOnly\":\n\ttrue\n}":            true,
		`{"ImportMap": {"VetxOnly": "VetxOnly"}, "VetxOnly": false}`: false,
		`{"ImportMap": {"VetxOnly": "VetxOnly"}, "VetxOnly": true}`:  true,
	} {
		cfg := filepath.Join(dir, "vet.cfg")
		if err := os.WriteFile(cfg, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := factsOnlyUnit(cfg); got != want {
			t.Errorf("factsOnlyUnit(%s) = %v, want %v", body, got, want)
		}
	}
	if factsOnlyUnit(filepath.Join(dir, "missing.cfg")) {
		t.Errorf("factsOnlyUnit of a missing file = true")
	}
}
