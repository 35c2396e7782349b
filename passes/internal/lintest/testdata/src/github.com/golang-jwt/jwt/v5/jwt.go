// Package jwt is a stub of github.com/golang-jwt/jwt/v5.
package jwt

type Token struct {
	Raw   string
	Valid bool
}

type Keyfunc func(*Token) (interface{}, error)
