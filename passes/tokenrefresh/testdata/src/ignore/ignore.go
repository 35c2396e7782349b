// Package ignore silences findings with the directive.
package ignore

import "golang.org/x/oauth2"

var bearer string

func a(ts oauth2.TokenSource) {
	//grpcauthlint:ignore tokenrefresh the batch job exits within minutes
	tok, _ := ts.Token()
	bearer = tok.AccessToken
}

func b(ts oauth2.TokenSource) {
	tok, _ := ts.Token() //grpcauthlint:ignore tokenrefresh,credpath short-lived job
	bearer = tok.AccessToken
}

func c(ts oauth2.TokenSource) {
	//grpcauthlint:ignore credpath another pass's directive does not silence this one
	tok, _ := ts.Token() // want `access token frozen in package variable bearer; fetch it per call from the token source`
	bearer = tok.AccessToken
}

func d(ts oauth2.TokenSource) {
	//grpcauthlint:ignore tokenrefresh nothing to silence here // want `silences nothing`
	tok, _ := ts.Token()
	_ = tok
}

//grpcauthlint:ignore credpath another pass's directive is left alone
var x = 1
