// Package nonauth uses os and net/http (which imports crypto/tls) but no
// credential API: the fast path returns before any traversal.
package nonauth

import (
	"encoding/json"
	"net/http"
	"os"
)

func f() {
	data, _ := os.ReadFile("/home/alice/config.json")
	var v any
	json.Unmarshal(data, &v)
	// No Google authentication library is used here: os.Setenv is not
	// checked (documented limitation of the fast path).
	os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", "/home/alice/sa.json")
	http.ListenAndServe(":80", nil)
}
