// Package ignorenofetch can see oauth2 but fetches nothing: a directive
// for the pass silences nothing.
package ignorenofetch

import "golang.org/x/oauth2"

//grpcauthlint:ignore tokenrefresh stale directive // want `silences nothing`
func keep(tok *oauth2.Token) *oauth2.Token { return tok }
