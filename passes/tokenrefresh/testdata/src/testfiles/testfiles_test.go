package testfiles

import (
	"testing"

	"golang.org/x/oauth2"
)

func TestX(t *testing.T) {
	var ts oauth2.TokenSource
	tok, _ := ts.Token()
	bearer = tok.AccessToken
}
