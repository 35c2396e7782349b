// Package libtypes holds refreshers of other libraries: methods and
// callbacks that fetch per call and return the token in the library's
// type. The library calls them whenever it needs a token.
package libtypes

import (
	"database/sql/driver"

	"github.com/IBM/sarama"
	mssql "github.com/microsoft/go-mssqldb"
	"golang.org/x/oauth2"
)

// A Kafka SASL/OAUTHBEARER token provider: sarama calls Token each time
// it authenticates.
type kafkaProvider struct{ ts oauth2.TokenSource }

var _ sarama.AccessTokenProvider = (*kafkaProvider)(nil)

func (p *kafkaProvider) Token() (*sarama.AccessToken, error) { // want Token:"returns a value holding a fetched access token \\(result 0\\)"
	t, err := p.ts.Token()
	if err != nil {
		return nil, err
	}
	return &sarama.AccessToken{Token: t.AccessToken}, nil
}

// The same, the value filled field by field.
type kafkaProvider2 struct{ ts oauth2.TokenSource }

func (p kafkaProvider2) Token() (*sarama.AccessToken, error) { // want Token:"returns a value holding a fetched access token \\(result 0\\)"
	t, err := p.ts.Token()
	if err != nil {
		return nil, err
	}
	tok := &sarama.AccessToken{Extensions: map[string]string{"logicalCluster": "lkc-1"}}
	tok.Token = t.AccessToken
	return tok, nil
}

// A provider that keeps the token it built, with no expiry check: the
// second authentication sends the expired token.
type cachingProvider struct {
	ts   oauth2.TokenSource
	last *sarama.AccessToken
}

func (p *cachingProvider) Token() (*sarama.AccessToken, error) {
	if p.last != nil {
		return p.last, nil
	}
	t, err := p.ts.Token() // want `access token frozen in field cachingProvider\.last; fetch it per call from the token source`
	if err != nil {
		return nil, err
	}
	p.last = &sarama.AccessToken{Token: t.AccessToken}
	return p.last, nil
}

// A database driver's token callback, called for each new connection.
func connector(dsn string, ts oauth2.TokenSource) (driver.Connector, error) {
	return mssql.NewAccessTokenConnector(dsn, func() (string, error) {
		t, err := ts.Token()
		if err != nil {
			return "", err
		}
		return t.AccessToken, nil
	})
}

// A value of this package's own type returned is still kept: it is
// the package's client, not another library's per-use value.
type client struct{ bearer string }

func newClient(ts oauth2.TokenSource) *client {
	t, _ := ts.Token() // want `access token frozen in the client returned by newClient; fetch it per call from the token source`
	return &client{bearer: t.AccessToken}
}
