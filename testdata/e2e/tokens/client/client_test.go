package client

import (
	"testing"

	"golang.org/x/oauth2"
)

// A test keeps a token for its few seconds: reported only with
// -tokenrefresh.tests (setting tests: true).
var testBearer string

func TestKeep(t *testing.T) {
	ts := oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "x"})
	tok, err := ts.Token()
	if err != nil {
		t.Fatal(err)
	}
	testBearer = tok.AccessToken
}
