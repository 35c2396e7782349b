// Package testfiles: tokens frozen in tests are not reported by default.
package testfiles

import "golang.org/x/oauth2"

var bearer string

func set(ts oauth2.TokenSource) {
	tok, _ := ts.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}
