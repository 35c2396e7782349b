// Package transport dials the endpoints of packages that cannot see
// grpc (the cross-package form of the rule, with their plain facts).
package transport

import (
	"context"
	"encoding/json"
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"

	"unattached/auth"
	"unattached/plainconf"
	"unattached/providers"
)

type Transport struct{}

// dial builds the connection from the provider, through a local target
// and a local slice of options, and ignores its Auth, a pointer to an
// interface of the module's auth package.
func (t *Transport) dial(ctx context.Context, p *providers.Provider) (*grpc.ClientConn, error) {
	addr := fmt.Sprintf("%s:%d", p.Host, p.Port)
	var opts []grpc.DialOption
	if p.UseSSL {
		return nil, fmt.Errorf("SSL not implemented")
	} else {
		opts = append(opts, grpc.WithTransportCredentials(insecure.NewCredentials()))
	}
	return grpc.DialContext(ctx, addr, opts...) // want `^grpc.DialContext gets no credentials and providers.Provider.Auth is never read; attach them with grpc.WithPerRPCCredentials$`
}

// dialInline is the same with the target built in the call.
func (t *Transport) dialInline(ctx context.Context, p *providers.Provider) (*grpc.ClientConn, error) {
	return grpc.DialContext(ctx, fmt.Sprintf("%s:%d", p.Host, p.Port), // want `providers.Provider.Auth is never read`
		grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// dialLocal: the target is a local that comes from no parameter.
func (t *Transport) dialLocal(ctx context.Context, p *providers.Provider) (*grpc.ClientConn, error) {
	addr := "api.example.com:443"
	_ = p.UseSSL
	return grpc.DialContext(ctx, addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// dialBasic ignores a pointer to a struct of credentials.
func dialBasic(b providers.Basic) (*grpc.ClientConn, error) {
	return grpc.NewClient(b.Addr, grpc.WithTransportCredentials(insecure.NewCredentials())) // want `providers.Basic.Auth is never read`
}

// dialChecked: the providers package reads Auth.
func dialChecked(c *providers.Checked) (*grpc.ClientConn, error) {
	return grpc.NewClient(c.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// dialMode: settings about auth are no credentials.
func dialMode(m *providers.Mode) (*grpc.ClientConn, error) {
	return grpc.NewClient(m.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// DialCentral: Config's LogLevel and DBPassword are read by packages not
// seen here; its DBPassword is not reported.
func DialCentral(c *plainconf.Config) (*grpc.ClientConn, error) {
	return grpc.NewClient(c.GRPCAddr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// DialUpstream: Upstream reads its token.
func DialUpstream(u *plainconf.Upstream) (*grpc.ClientConn, error) {
	return grpc.NewClient(u.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// dialForwarded: the field is passed whole to a function here: read.
func dialForwarded(f *providers.Forwarded) (*grpc.ClientConn, error) {
	return grpc.NewClient(f.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

func describe(f *providers.Forwarded) string { return fmt.Sprint(f.Auth) }

// dialDecoded: the field's address is taken here (decoded into): read.
func dialDecoded(d *providers.Decoded, raw []byte) (*grpc.ClientConn, error) {
	if err := json.Unmarshal(raw, &d.Token); err != nil {
		return nil, err
	}
	return grpc.NewClient(d.Addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
}

// used keeps the auth package's BasicAuth in use.
var _ auth.Auth = (*auth.BasicAuth)(nil)
