package tokenrefresh

import (
	"go/types"
	"sort"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
	"github.com/grpcauthlint/grpcauthlint/passes/internal/lintutil"
)

// role is what an API table entry is to the pass.
type role uint16

const (
	roleFetch          role = 1 << iota // returns a token it fetched (result 0)
	roleFrozen                          // takes a token and never refreshes it
	roleRefreshCapable                  // takes a token and refreshes it: not a finding
	roleValidity                        // checks a token's validity: a cache
	roleExpiryCheck                     // compares times: a cache
	roleRefreshLoop                     // schedules work: a refresh loop
	roleStringBuilder                   // returns a string built from its string arguments
	roleHolderBuilder                   // returns a value holding its string arguments
	roleHeaderSetter                    // stores its string arguments in its receiver
	roleAccessField                     // a token's access-token string (a field key)
	roleExpiryField                     // a token's expiry (a field key): a cache
)

// fetchKind says what refreshing alternative the message names.
type fetchKind int

const (
	fetchSource      fetchKind = iota // a token source: wrap it, don't call it
	fetchConfig                       // an exchange on *oauth2.Config: Config.TokenSource refreshes the result
	fetchCloud                        // a cloud.google.com/go/auth token provider
	fetchUser                         // a user-configured fetcher or a wrapper
	fetchClientCreds                  // (*clientcredentials.Config).Token: its TokenSource(ctx) refreshes
)

// api is one entry of the table.
type api struct {
	role role
	kind fetchKind // roleFetch: the alternative the message names
}

// apis is the pass's one API table: functions and methods keyed in
// lintutil.FuncKey notation (types.Func.FullName, vendor prefixes
// removed), struct fields in lintutil.FieldKey notation
// ("pkgpath.Type.Field"), each with its role.
//
// Token() of any type implementing oauth2.TokenSource or
// auth.TokenProvider is a fetch too, matched by shape (grpcapi);
// (*auth.Credentials).Token is the promoted TokenProvider method. The
// flow stops at every call it does not know; the refresh-capable
// entries document the ones that matter and keep them resolved against
// the real module.
var apis = withMetadata(map[string]api{
	"(*" + grpcapi.OAuth2 + ".Config).Exchange":                 {roleFetch, fetchConfig},
	"(*" + grpcapi.OAuth2 + ".Config).PasswordCredentialsToken": {roleFetch, fetchConfig},
	"(*" + grpcapi.ClientCredentials + ".Config).Token":         {roleFetch, fetchClientCreds},
	"(" + grpcapi.OAuth2 + ".TokenSource).Token":                {roleFetch, fetchSource},
	"(" + grpcapi.GoogleAuth + ".TokenProvider).Token":          {roleFetch, fetchCloud},

	grpcapi.OAuth + ".NewOauthAccess":     {role: roleFrozen},
	grpcapi.OAuth2 + ".StaticTokenSource": {role: roleFrozen},

	"(*" + grpcapi.OAuth2 + ".Config).TokenSource": {role: roleRefreshCapable},
	"(*" + grpcapi.OAuth2 + ".Config).Client":      {role: roleRefreshCapable},
	grpcapi.OAuth2 + ".ReuseTokenSource":           {role: roleRefreshCapable},
	grpcapi.OAuth2 + ".ReuseTokenSourceWithExpiry": {role: roleRefreshCapable},

	"(*" + grpcapi.OAuth2 + ".Token).Valid":       {role: roleValidity},
	"(*" + grpcapi.GoogleAuth + ".Token).IsValid": {role: roleValidity},

	"time.Until":          {role: roleExpiryCheck},
	"time.Since":          {role: roleExpiryCheck},
	"(time.Time).Before":  {role: roleExpiryCheck},
	"(time.Time).After":   {role: roleExpiryCheck},
	"(time.Time).Compare": {role: roleExpiryCheck},

	"time.Sleep":           {role: roleRefreshLoop},
	"time.Tick":            {role: roleRefreshLoop},
	"time.NewTicker":       {role: roleRefreshLoop},
	"time.NewTimer":        {role: roleRefreshLoop},
	"time.AfterFunc":       {role: roleRefreshLoop},
	"(*time.Ticker).Reset": {role: roleRefreshLoop},
	"(*time.Timer).Reset":  {role: roleRefreshLoop},

	"fmt.Sprint":        {role: roleStringBuilder},
	"fmt.Sprintf":       {role: roleStringBuilder},
	"fmt.Sprintln":      {role: roleStringBuilder},
	"strings.Join":      {role: roleStringBuilder},
	"strings.TrimSpace": {role: roleStringBuilder},
	"strings.Clone":     {role: roleStringBuilder},

	"(net/http.Header).Set": {role: roleHeaderSetter},
	"(net/http.Header).Add": {role: roleHeaderSetter},

	grpcapi.OAuth2 + ".Token.AccessToken": {role: roleAccessField},
	grpcapi.GoogleAuth + ".Token.Value":   {role: roleAccessField},

	grpcapi.OAuth2 + ".Token.Expiry":     {role: roleExpiryField},
	grpcapi.OAuth2 + ".Token.ExpiresIn":  {role: roleExpiryField},
	grpcapi.GoogleAuth + ".Token.Expiry": {role: roleExpiryField},
})

// withMetadata adds grpcapi's metadata functions to the table: those
// that build an MD from their arguments, or an outgoing context
// carrying them, hold the strings they are given; MD.Set and MD.Append
// store them in their receiver.
func withMetadata(m map[string]api) map[string]api {
	for _, k := range grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool {
		return f.Op == grpcapi.MDBuild || f.Side == grpcapi.MDOutgoing && (f.Op == grpcapi.MDAppend || f.Op == grpcapi.MDReplace)
	}) {
		m[k] = api{role: roleHolderBuilder}
	}
	for _, k := range grpcapi.MetadataKeys(func(f grpcapi.MetadataFunc) bool { return f.Op == grpcapi.MDWrite }) {
		m[k] = api{role: roleHeaderSetter}
	}
	return m
}

// apiNames is the name pre-filter, derived from the table: the roles
// of the entries with each function, method or field name. A call whose
// name has none of the roles asked for is not keyed at all (FuncKey
// builds a string), and a key added to the table is matched with no
// second list to update.
var apiNames = func() map[string]role {
	m := make(map[string]role)
	for k, a := range apis {
		m[keyName(k)] |= a.role
	}
	return m
}()

// keyName returns the function, method or field name a key ends with.
func keyName(key string) string { return key[strings.LastIndex(key, ".")+1:] }

// lookup returns the entry of fn when it has one of the roles in want.
func lookup(fn *types.Func, want role) (api, bool) {
	if apiNames[fn.Name()]&want == 0 {
		return api{}, false
	}
	a, ok := apis[lintutil.FuncKey(fn)]
	return a, ok && a.role&want != 0
}

// isField reports whether sel selects a direct field with one of the
// roles in want.
func isField(sel *types.Selection, want role) bool {
	if sel == nil || sel.Kind() != types.FieldVal || apiNames[sel.Obj().Name()]&want == 0 {
		return false
	}
	a, ok := apis[lintutil.FieldKey(sel)]
	return ok && a.role&want != 0
}

// APIKeys lists every API table key the pass matches (lintutil.FuncKey
// notation, or "pkgpath.Type.Field" for struct fields).
func APIKeys() []string {
	keys := make([]string, 0, len(apis))
	for k := range apis {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
