// Package testfileson: with -tokenrefresh.tests, tests are reported.
package testfileson

import (
	"testing"

	"golang.org/x/oauth2"
)

var bearer string

func TestX(t *testing.T) {
	var ts oauth2.TokenSource
	tok, _ := ts.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}

func TestDirective(t *testing.T) {
	var ts oauth2.TokenSource
	//grpcauthlint:ignore tokenrefresh the fixture token outlives the test on purpose
	tok, _ := ts.Token()
	bearer = tok.AccessToken
}
