package credpath

import (
	"sort"
	"strings"

	"github.com/grpcauthlint/grpcauthlint/passes/internal/grpcapi"
)

// The API tables are data keyed in types.Func.FullName notation
// (lintutil.FuncKey), or "pkgpath.Type.Field" for struct fields
// (lintutil.FieldKey's notation).

// param is what a credential parameter or field holds, for messages and
// exemptions.
type param struct {
	what string // "service-account key file"
	ca   bool   // a trust bundle: system CA bundle paths are fine
}

var (
	googleCreds = param{what: "Google credentials file"}
	saKey       = param{what: "service-account key file"}
	tlsCert     = param{what: "TLS certificate file"}
	tlsKey      = param{what: "TLS private key file"}
	caFile      = param{what: "CA certificate file", ca: true}
	userParam   = param{what: "credential file"}
)

// sink is one argument of a function or method (arg >= 0), or one struct
// field (arg < 0).
type sink struct {
	key string
	arg int
	param
}

const (
	setenvKey = "os.Setenv"
	adcEnv    = "GOOGLE_APPLICATION_CREDENTIALS"
)

// pathSinks take a path to a credential file.
var pathSinks = []sink{
	{grpcapi.APIOption + ".WithCredentialsFile", 0, googleCreds},
	{grpcapi.APIOption + ".WithAuthCredentialsFile", 1, googleCreds},
	{grpcapi.APIOption + ".WithServiceAccountFile", 0, saKey},

	{grpcapi.Credentials + ".NewClientTLSFromFile", 0, caFile},
	{grpcapi.Credentials + ".NewServerTLSFromFile", 0, tlsCert},
	{grpcapi.Credentials + ".NewServerTLSFromFile", 1, tlsKey},
	{grpcapi.OAuth + ".NewServiceAccountFromFile", 0, saKey},
	{grpcapi.OAuth + ".NewJWTAccessFromFile", 0, saKey},
	{grpcapi.JWT + ".NewTokenFileCallCredentials", 0, param{what: "JWT token file"}},
	{grpcapi.STS + ".Options.SubjectTokenPath", -1, param{what: "STS subject token file"}},
	{grpcapi.STS + ".Options.ActorTokenPath", -1, param{what: "STS actor token file"}},
	{grpcapi.PEMFile + ".Options.CertFile", -1, tlsCert},
	{grpcapi.PEMFile + ".Options.KeyFile", -1, tlsKey},
	{grpcapi.PEMFile + ".Options.RootFile", -1, caFile},
	{grpcapi.PEMFile + ".Options.SPIFFEBundleMapFile", -1, param{what: "SPIFFE bundle map file"}},

	{grpcapi.TLS + ".LoadX509KeyPair", 0, tlsCert},
	{grpcapi.TLS + ".LoadX509KeyPair", 1, tlsKey},

	{grpcapi.AuthCredentials + ".NewCredentialsFromFile", 1, googleCreds},
	{grpcapi.AuthCredentials + ".DetectOptions.CredentialsFile", -1, googleCreds},
	{grpcapi.AuthIDToken + ".NewCredentialsFromFile", 1, googleCreds},
	{grpcapi.AuthIDToken + ".Options.CredentialsFile", -1, googleCreds},

	// Only with the constant key GOOGLE_APPLICATION_CREDENTIALS.
	{setenvKey, 1, googleCreds},
}

// parseSinks take the contents of a credential file.
var parseSinks = []sink{
	{grpcapi.OAuth2Google + ".CredentialsFromJSON", 1, googleCreds},
	{grpcapi.OAuth2Google + ".CredentialsFromJSONWithParams", 1, googleCreds},
	{grpcapi.OAuth2Google + ".CredentialsFromJSONWithType", 1, googleCreds},
	{grpcapi.OAuth2Google + ".CredentialsFromJSONWithTypeAndParams", 1, googleCreds},
	{grpcapi.OAuth2Google + ".JWTConfigFromJSON", 0, saKey},
	{grpcapi.OAuth2Google + ".ConfigFromJSON", 0, param{what: "OAuth client secret file"}},
	{grpcapi.OAuth2Google + ".JWTAccessTokenSourceFromJSON", 0, saKey},
	{grpcapi.OAuth2Google + ".JWTAccessTokenSourceWithScope", 0, saKey},
	{grpcapi.OAuth2JWT + ".Config.PrivateKey", -1, param{what: "JWT signing key file"}},

	{grpcapi.OAuth + ".NewServiceAccountFromKey", 0, saKey},
	{grpcapi.OAuth + ".NewJWTAccessFromKey", 0, saKey},

	{grpcapi.APIOption + ".WithCredentialsJSON", 0, googleCreds},
	{grpcapi.APIOption + ".WithAuthCredentialsJSON", 1, googleCreds},

	{grpcapi.TLS + ".X509KeyPair", 0, tlsCert},
	{grpcapi.TLS + ".X509KeyPair", 1, tlsKey},

	{grpcapi.AuthCredentials + ".NewCredentialsFromJSON", 1, googleCreds},
	{grpcapi.AuthCredentials + ".DetectOptions.CredentialsJSON", -1, googleCreds},
	{grpcapi.AuthIDToken + ".NewCredentialsFromJSON", 1, googleCreds},
	{grpcapi.AuthIDToken + ".Options.CredentialsJSON", -1, googleCreds},

	// A CA bundle read by hand, as credentials.NewClientTLSFromFile would.
	{"(*" + grpcapi.X509 + ".CertPool).AppendCertsFromPEM", 0, caFile},
}

// readKind is how a function reads a file.
type readKind int

const (
	readFile readKind = iota + 1 // path -> bytes
	openFile                     // path -> *os.File
	readAll                      // reader -> bytes
)

var readers = map[string]readKind{
	"os.ReadFile":        readFile,
	"io/ioutil.ReadFile": readFile,
	"os.Open":            openFile,
	"os.OpenFile":        openFile,
	"io.ReadAll":         readAll,
	"io/ioutil.ReadAll":  readAll,
}

// joiners build a path from parts.
var joiners = map[string]bool{
	"path.Join":          true,
	"path/filepath.Join": true,
}

// adcPackages are the Google authentication libraries that read
// GOOGLE_APPLICATION_CREDENTIALS; os.Setenv is checked only in packages
// that reach one of them ("os" alone is in nearly every package).
var adcPackages = []string{
	grpcapi.APIOption, grpcapi.OAuth2Google, grpcapi.GoogleAuth, grpcapi.AuthCredentials,
	grpcapi.GoogleCredentials, grpcapi.OAuth,
}

// APIKeys lists every API table key the pass matches (lintutil.FuncKey
// notation, or "pkgpath.Type.Field" for struct fields); the suite's
// TestAPITablesResolve checks each one against the real modules.
func APIKeys() []string {
	set := make(map[string]bool)
	for _, s := range pathSinks {
		set[s.key] = true
	}
	for _, s := range parseSinks {
		set[s.key] = true
	}
	for k := range readers {
		set[k] = true
	}
	for k := range joiners {
		set[k] = true
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// argSink is a sink argument of a function, for the lookup by callee.
type argSink struct {
	arg int
	param
}

// tables are the sinks of one analyzer: the built-in ones plus
// -credpath.func.
type tables struct {
	pathFuncs  map[string][]argSink // FuncKey -> arguments
	pathFields map[string]param     // "pkgpath.Type.Field"
	parseFuncs map[string][]argSink
	parseField map[string]param
	fieldTypes map[string]bool // "pkgpath.Type" of the struct types with sink fields
	funcNames  map[string]bool // names of the sink functions and methods, a cheap pre-check
	typeNames  map[string]bool // names of the struct types with sink fields
	direct     map[string]bool // packages of package-level function sinks
	reach      []string        // packages of method and field sinks
}

func newTables(user []sink) *tables {
	t := &tables{
		pathFuncs:  make(map[string][]argSink),
		pathFields: make(map[string]param),
		parseFuncs: make(map[string][]argSink),
		parseField: make(map[string]param),
		fieldTypes: make(map[string]bool),
		funcNames:  make(map[string]bool),
		typeNames:  make(map[string]bool),
		direct:     make(map[string]bool),
	}
	add := func(s sink, funcs map[string][]argSink, fields map[string]param) {
		if s.arg < 0 {
			fields[s.key] = s.param
			pkg, typ, _ := splitField(s.key)
			t.fieldTypes[pkg+"."+typ] = true
			t.typeNames[typ] = true
			t.reach = append(t.reach, pkg)
			return
		}
		funcs[s.key] = append(funcs[s.key], argSink{s.arg, s.param})
		t.funcNames[s.key[strings.LastIndex(s.key, ".")+1:]] = true
		switch pkg, method := funcPkg(s.key); {
		case s.key == setenvKey:
			// Handled by adcPackages.
		case method && pkg == grpcapi.X509:
			// A *x509.CertPool comes from x509.NewCertPool or
			// SystemCertPool, so the package imports crypto/x509; nearly
			// every package reaches it (net/http), which would make the
			// fast path useless.
			t.direct[pkg] = true
		case method:
			t.reach = append(t.reach, pkg)
		default:
			t.direct[pkg] = true
		}
	}
	for _, s := range pathSinks {
		add(s, t.pathFuncs, t.pathFields)
	}
	for _, s := range user {
		add(s, t.pathFuncs, t.pathFields)
	}
	for _, s := range parseSinks {
		add(s, t.parseFuncs, t.parseField)
	}
	return t
}

// funcPkg returns the package path of a FuncKey and whether it is a
// method.
func funcPkg(key string) (pkg string, method bool) {
	if strings.HasPrefix(key, "(") {
		recv := strings.TrimPrefix(key[1:strings.LastIndex(key, ")")], "*")
		return recv[:strings.LastIndex(recv, ".")], true
	}
	return key[:strings.LastIndex(key, ".")], false
}

// splitField splits "pkgpath.Type.Field".
func splitField(key string) (pkg, typ, field string) {
	i := strings.LastIndex(key, ".")
	field = key[i+1:]
	rest := key[:i]
	j := strings.LastIndex(rest, ".")
	return rest[:j], rest[j+1:], field
}
