package authtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"slices"
	"sort"
	"strings"
	"sync"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/connectivity"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/status"
	"google.golang.org/grpc/test/bufconn"
)

// UnregisteredMethod is the method Check calls to probe a server's
// unknown-service handler (grpc.UnknownServiceHandler), which serves every
// method no service registers. Without such a handler grpc-go answers
// codes.Unimplemented, and the probe is left out of the Report. Exempt it
// to skip the probe.
const UnregisteredMethod = "/grpcauthlint.authtest.Unregistered/Probe"

// parallel bounds the calls in flight, so that handlers blocked until their
// deadline overlap instead of adding up.
const parallel = 8

// Report is what every method answered.
type Report struct {
	// Results has one entry per method of every registered service, in
	// method order, then one for UnregisteredMethod when the server has an
	// unknown-service handler.
	Results []Result
}

// Result is what one method answered when called without a token.
type Result struct {
	Method       string // "/pkg.Service/Method"
	ClientStream bool
	ServerStream bool
	// Code is the status code the call ended with: codes.OK when it was
	// served (a server stream that sends a message counts as served at
	// once), codes.DeadlineExceeded when it was still running at the
	// deadline. It is codes.OK, and meaningless, for exempt methods,
	// which are not called.
	Code    codes.Code
	Message string // the status message
	Exempt  bool
}

// Kind is "unary", "client stream", "server stream" or "bidi stream".
func (r Result) Kind() string {
	switch {
	case r.ClientStream && r.ServerStream:
		return "bidi stream"
	case r.ClientStream:
		return "client stream"
	case r.ServerStream:
		return "server stream"
	}
	return "unary"
}

// Unprotected returns the methods, not exempt, that answered a code other
// than codes.Unauthenticated, leaving out those that answered
// codes.Unimplemented (see Unimplemented).
func (r *Report) Unprotected() []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Exempt && res.Code != codes.Unauthenticated && res.Code != codes.Unimplemented {
			out = append(out, res)
		}
	}
	return out
}

// Unimplemented returns the methods, not exempt, that answered
// codes.Unimplemented: they answer every caller alike (most are left to
// the generated UnimplementedXServer), so they serve nothing without a
// token, but no auth check ran before them.
func (r *Report) Unimplemented() []Result {
	var out []Result
	for _, res := range r.Results {
		if !res.Exempt && res.Code == codes.Unimplemented {
			out = append(out, res)
		}
	}
	return out
}

// Check serves srv in process (bufconn, nothing listens on the network),
// calls every method of every registered service once with no
// credentials, and reports what each answered.
//
// Check calls srv.Serve on a listener of its own and closes that
// listener, and its client connection, before it returns; it never calls
// srv.Stop or srv.GracefulStop, so srv stays usable (and yours to stop).
// A handler that ignores its context's cancellation keeps running after
// Check returns.
//
// The error reports a sweep that could not be made: no service is
// registered, an exemption names nothing registered, the client cannot
// connect (a TLS handshake that fails, a server that was stopped), or ctx
// ended.
func Check(ctx context.Context, srv *grpc.Server, opts ...Option) (*Report, error) {
	cfg := newConfig(opts)
	if srv == nil {
		return nil, errors.New("authtest: the server is nil")
	}
	if cfg.timeout <= 0 {
		return nil, fmt.Errorf("authtest: Timeout(%v) is not positive", cfg.timeout)
	}
	results, probeUnregistered, err := plan(srv.GetServiceInfo(), cfg)
	if err != nil {
		return nil, err
	}

	lis := bufconn.Listen(256 << 10)
	var serveErr error
	served := make(chan struct{})
	go func() {
		serveErr = srv.Serve(lis)
		close(served)
	}()
	defer func() {
		lis.Close()
		<-served // Serve returns once Accept fails on the closed listener
	}()

	dial := append([]grpc.DialOption{
		grpc.WithContextDialer(func(ctx context.Context, _ string) (net.Conn, error) { return lis.DialContext(ctx) }),
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	}, cfg.dial...)
	cc, err := grpc.NewClient("passthrough:///bufconn", dial...)
	if err != nil {
		return nil, fmt.Errorf("authtest: %v", err)
	}
	defer cc.Close()
	if err := connect(ctx, cc, cfg, served, &serveErr); err != nil {
		return nil, err
	}

	if probeUnregistered {
		results = append(results, Result{Method: UnregisteredMethod, ClientStream: true, ServerStream: true})
	}
	rep := &Report{Results: results}
	sem := make(chan struct{}, parallel)
	var wg sync.WaitGroup
	for i := range rep.Results {
		if rep.Results[i].Exempt {
			continue
		}
		wg.Add(1)
		sem <- struct{}{}
		go func(r *Result) {
			defer func() { <-sem; wg.Done() }()
			r.Code, r.Message = call(ctx, cc, cfg, r)
		}(&rep.Results[i])
	}
	wg.Wait()
	if n := len(rep.Results) - 1; probeUnregistered && rep.Results[n].Code == codes.Unimplemented {
		rep.Results = rep.Results[:n] // no unknown-service handler
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("authtest: %w", err)
	}
	return rep, nil
}

// plan lists the registered methods, marks the exempt ones and checks the
// exemptions.
func plan(info map[string]grpc.ServiceInfo, cfg *config) (results []Result, probeUnregistered bool, err error) {
	if len(info) == 0 {
		return nil, false, errors.New("authtest: the server registers no service; register them before calling Check")
	}
	exemptSvc := map[string]bool{}
	defaults := DefaultExemptServices()
	for _, s := range cfg.noDefault {
		if !slices.Contains(defaults, s) {
			return nil, false, fmt.Errorf("authtest: NoDefaultExemptions(%q): not a default exemption (%s)", s, strings.Join(defaults, ", "))
		}
	}
	if !cfg.noDefaults {
		for _, s := range defaults {
			if !slices.Contains(cfg.noDefault, s) {
				exemptSvc[s] = true
			}
		}
	}
	for _, s := range cfg.exemptServices {
		if _, ok := info[s]; !ok {
			return nil, false, fmt.Errorf("authtest: ExemptService(%q) names no registered service%s", s, suggest(s, serviceNames(info)))
		}
		exemptSvc[s] = true
	}

	var all []string
	for _, svc := range serviceNames(info) {
		for _, m := range info[svc].Methods {
			r := Result{
				Method:       "/" + svc + "/" + m.Name,
				ClientStream: m.IsClientStream,
				ServerStream: m.IsServerStream,
				Exempt:       exemptSvc[svc],
			}
			results = append(results, r)
			all = append(all, r.Method)
		}
	}
	sort.Slice(results, func(i, j int) bool { return results[i].Method < results[j].Method })

	probeUnregistered = true
	for _, m := range cfg.exempt {
		if m == UnregisteredMethod {
			probeUnregistered = false
			continue
		}
		i := slices.IndexFunc(results, func(r Result) bool { return r.Method == m })
		if i < 0 {
			return nil, false, fmt.Errorf("authtest: Exempt(%q) names no registered method%s", m, suggest(m, all))
		}
		results[i].Exempt = true
	}
	return results, probeUnregistered, nil
}

func serviceNames(info map[string]grpc.ServiceInfo) []string {
	names := make([]string, 0, len(info))
	for n := range info {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// suggest names a registered method that a stale exemption probably
// meant: the same but for case or the leading "/".
func suggest(name string, registered []string) string {
	key := strings.ToLower(strings.TrimPrefix(name, "/"))
	for _, r := range registered {
		if strings.ToLower(strings.TrimPrefix(r, "/")) == key {
			return fmt.Sprintf(" (did you mean %q?)", r)
		}
	}
	return ""
}

// connect waits until the client connection is ready, so that a failed
// handshake is an error of its own and never the answer of a method.
func connect(ctx context.Context, cc *grpc.ClientConn, cfg *config, served <-chan struct{}, serveErr *error) error {
	cctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	go func() {
		select {
		case <-served: // a server that cannot be served never connects
			cancel()
		case <-cctx.Done():
		}
	}()
	cc.Connect()
	for {
		s := cc.GetState()
		if s == connectivity.Ready {
			return nil
		}
		if s == connectivity.TransientFailure || s == connectivity.Shutdown {
			break
		}
		if !cc.WaitForStateChange(cctx, s) {
			break
		}
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("authtest: %w", err)
	}
	select {
	case <-served:
		return fmt.Errorf("authtest: cannot serve the server: %v", *serveErr)
	default:
	}
	// A call that fails fast carries the last connection error.
	pctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()
	err := cc.Invoke(pctx, UnregisteredMethod, struct{}{}, new(struct{}), grpc.ForceCodecV2(rawCodec{}))
	why := status.Convert(err).Message()
	if why == "" {
		why = "the connection did not become ready within " + cfg.timeout.String()
	}
	return fmt.Errorf("authtest: cannot connect to the server: %s; a server built with grpc.Creds needs matching WithDialOptions(grpc.WithTransportCredentials(...))", why)
}
