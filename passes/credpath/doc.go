// Package credpath defines an Analyzer that reports credential files
// loaded from hardcoded paths.
//
// # Analyzer credpath
//
// credpath: check for credential files loaded from hardcoded paths
//
// A service that loads its service-account key or TLS key from
// "/home/alice/key.json" works on one laptop and fails everywhere else:
// the load returns "no such file or directory", the client has no
// credentials and every call fails with codes.Unauthenticated, or the
// server does not start. Where a credential file lives is deployment
// configuration, not code.
//
// The analyzer reports a constant path (a literal, a named constant from
// any package, a constant expression, a filepath.Join or path.Join of
// constants, a local variable assigned once from one of those, or an
// unexported package variable whose declaration assigns it and that no
// other statement of the package assigns or takes the address of):
//
//   - `hardcoded-path`: given to a parameter or struct field that names a
//     credential file (listed below), or set as
//     GOOGLE_APPLICATION_CREDENTIALS with os.Setenv;
//   - `hardcoded-read`: read with os.ReadFile, ioutil.ReadFile, or os.Open
//     (or os.OpenFile) followed by io.ReadAll, when the bytes reach, in the
//     same function, a parameter that parses credentials (listed below).
//     The finding is at the path and its related location is the parser.
//
// The parameters and fields that name a credential file:
//
//   - google.golang.org/api/option: WithCredentialsFile,
//     WithAuthCredentialsFile, WithServiceAccountFile;
//   - google.golang.org/grpc/credentials: NewServerTLSFromFile (certificate
//     and key), NewClientTLSFromFile (the CA file; its second argument is a
//     server name); credentials/oauth: NewServiceAccountFromFile,
//     NewJWTAccessFromFile; credentials/jwt: NewTokenFileCallCredentials;
//     the token paths of credentials/sts.Options and the file fields of
//     credentials/tls/certprovider/pemfile.Options;
//   - crypto/tls: LoadX509KeyPair (certificate and key);
//   - cloud.google.com/go/auth/credentials: NewCredentialsFromFile and
//     DetectOptions.CredentialsFile, and the same in credentials/idtoken;
//   - os.Setenv("GOOGLE_APPLICATION_CREDENTIALS", path).
//
// The parameters that parse credentials: golang.org/x/oauth2/google's CredentialsFromJSON and its variants,
// JWTConfigFromJSON, ConfigFromJSON, JWTAccessTokenSourceFromJSON and
// JWTAccessTokenSourceWithScope; grpc's oauth.NewServiceAccountFromKey
// and oauth.NewJWTAccessFromKey; option.WithCredentialsJSON and
// WithAuthCredentialsJSON; tls.X509KeyPair; cloud auth's
// NewCredentialsFromJSON (credentials and idtoken) and the
// CredentialsJSON fields of their options; the PrivateKey field of
// golang.org/x/oauth2/jwt.Config; and (*crypto/x509.CertPool).
// AppendCertsFromPEM, a CA bundle read by hand, reported as the CA
// certificate file of NewClientTLSFromFile would be.
//
// How a path breaks, which the message says: a path in a home directory
// exists on one machine only, so loading fails on every other machine;
// one under /tmp also fails after a cleanup; a relative path fails when
// the program starts in another directory; Go does not expand "~" or
// $VAR, so such a path fails everywhere; and any other hardcoded path
// fails wherever the file is deployed at another path. The load then
// returns "no such file or directory". The message gives one remedy:
// read the path from configuration; the others are under Good.
// Deprecated sinks are matched too.
//
// Left alone: paths that are configuration (flag values and flag
// defaults, environment variables, function parameters, struct fields,
// variables assigned more than once, package variables whose address is
// taken (flag.StringVar(&v, ...)) or that are exported (another package
// may set them), anything not constant);
// orchestrator mount points, fixed by design, under /var/run/secrets/ and
// /run/secrets/; system CA bundles (under /etc/ssl/, /etc/pki/ and the
// like) given as the CA file of NewClientTLSFromFile or
// pemfile.Options.RootFile; relative paths into a testdata directory
// (test fixtures: go test runs in the package directory); bytes read from
// a constant path that reach no credential parser; and _test.go files,
// whose fixtures sit at fixed paths on purpose.
//
// os.Setenv is checked in packages that also use a Google authentication
// library, directly or through a client library; the other sinks in
// packages that import their package. A path a build sets with
// -ldflags -X is not seen: silence such a finding with the directive.
//
// # Bad
//
//	creds, err := oauth.NewServiceAccountFromFile("/home/alice/sa.json", scope)
//
//	cert, err := tls.LoadX509KeyPair("server.crt", "server.key")
//
//	data, err := os.ReadFile("/tmp/key.json")
//	if err != nil {
//		return err
//	}
//	creds, err := google.CredentialsFromJSON(ctx, data, scope)
//
//	var caFile = filepath.Join("..", "certs", "ca.pem")
//	pem, err := os.ReadFile(caFile)
//	pool := x509.NewCertPool()
//	pool.AppendCertsFromPEM(pem)
//
// # Good
//
//	var keyFile = flag.String("key-file", "", "service-account key file")
//	creds, err := oauth.NewServiceAccountFromFile(*keyFile, scope)
//
//	cert, err := tls.LoadX509KeyPair(os.Getenv("TLS_CERT_FILE"), os.Getenv("TLS_KEY_FILE"))
//
//	// Application Default Credentials: GOOGLE_APPLICATION_CREDENTIALS,
//	// the gcloud configuration or the metadata server.
//	creds, err := google.FindDefaultCredentials(ctx, scope)
//
//	// Mounted by the orchestrator at a fixed path: not reported.
//	cert, err := tls.LoadX509KeyPair("/var/run/secrets/tls/tls.crt", "/var/run/secrets/tls/tls.key")
//
// # Flags
//
// -credpath.tests (setting tests): also check _test.go files. Off by
// default.
//
// -credpath.allow-prefix (setting allow-prefix, a list): a path prefix
// under which hardcoded credential paths are fine, such as the mount
// point of a secrets volume ("/vault/secrets"). Repeatable; a prefix
// matches whole path elements. /var/run/secrets and /run/secrets are
// always allowed.
//
// -credpath.func (setting func, a list): add a credential-file parameter
// or field. Repeatable; each entry is one of:
//
//   - example.com/pkg.LoadKey#0: argument 0 of a function;
//   - (*example.com/pkg.Loader).Load#1: argument 1 of a method with a
//     pointer receiver; drop the * for value receivers and interfaces;
//   - example.com/pkg.Options.KeyFile: a string field of a struct type.
//
// Arguments count from 0, the receiver not included; functions and types
// are named by their full package path, as in types.Func.FullName. A
// malformed entry is an error naming it, when the flag is parsed or, for
// the golangci-lint setting, when the analyzer runs.
//
// Silence one finding with a comment on its line or the line above:
//
//	//grpcauthlint:ignore credpath <reason>
package credpath
