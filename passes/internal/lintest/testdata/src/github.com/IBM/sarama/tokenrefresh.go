// Package sarama is a stub of github.com/IBM/sarama: the SASL/OAUTHBEARER
// token provider.
package sarama

// AccessToken contains an access token used to authenticate a SASL/OAUTHBEARER client.
type AccessToken struct {
	Token      string
	Extensions map[string]string
}

// AccessTokenProvider is the interface that encapsulates how implementors
// can generate access tokens for Kafka broker authentication.
type AccessTokenProvider interface {
	Token() (*AccessToken, error)
}
