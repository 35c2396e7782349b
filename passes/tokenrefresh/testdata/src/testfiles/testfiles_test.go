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

// The directive is needed once -tokenrefresh.tests is set: with tests
// off it is not judged (not "silences nothing").
func TestDirective(t *testing.T) {
	var ts oauth2.TokenSource
	//grpcauthlint:ignore tokenrefresh the fixture token outlives the test on purpose
	tok, _ := ts.Token()
	bearer = tok.AccessToken
}
