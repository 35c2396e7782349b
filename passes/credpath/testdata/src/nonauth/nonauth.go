// Package nonauth uses os but no credential API: the fast path returns
// before any traversal.
package nonauth

import (
	"encoding/json"
	"os"
)

func f() {
	data, _ := os.ReadFile("/home/alice/config.json")
	var v any
	json.Unmarshal(data, &v)
	// No Google authentication library is used here: os.Setenv is not
	// checked (documented limitation of the fast path).
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json")
}
