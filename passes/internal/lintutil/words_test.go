package lintutil

import (
	"slices"
	"testing"
)

func TestSplitWords(t *testing.T) {
	for in, want := range map[string][]string{
		"APIKeyID_x": {"api", "key", "id", "x"},
		"authToken":  {"auth", "token"},
		"GetToken":   {"get", "token"},
		"Token":      {"token"},
		"":           nil,
	} {
		if got := SplitWords(in); !slices.Equal(got, want) {
			t.Errorf("SplitWords(%q) = %q, want %q", in, got, want)
		}
	}
}
