// Package failopen serves with auth interceptors that look the method
// up in a table.
package failopen

import (
	"context"
	"failopen/lib"

	"itemspb"

	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

type items struct {
	itemspb.UnimplementedItemsServer
}

func (items) Get(context.Context, *itemspb.Req) (*itemspb.Resp, error)    { return nil, nil }
func (items) List(context.Context, *itemspb.Req) (*itemspb.Resp, error)   { return nil, nil }
func (items) Delete(context.Context, *itemspb.Req) (*itemspb.Resp, error) { return nil, nil }
func (items) Purge(context.Context, *itemspb.Req) (*itemspb.Resp, error)  { return nil, nil }

// Purge is left to UnimplementedItemsServer.
type partial struct {
	itemspb.UnimplementedItemsServer
}

func (partial) Get(context.Context, *itemspb.Req) (*itemspb.Resp, error)    { return nil, nil }
func (partial) List(context.Context, *itemspb.Req) (*itemspb.Resp, error)   { return nil, nil }
func (partial) Delete(context.Context, *itemspb.Req) (*itemspb.Resp, error) { return nil, nil }

func check(ctx context.Context, perm string) error { // want check:"authenticates"
	md, _ := metadata.FromIncomingContext(ctx)
	if len(md["authorization"]) == 0 {
		return status.Error(codes.Unauthenticated, "no token")
	}
	return nil
}

var required = map[string]string{
	itemspb.Items_Get_FullMethodName:    "items.read",
	itemspb.Items_Delete_FullMethodName: "items.write",
}

func commaOK(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want commaOK:"fail-open unary table"
	perm, ok := required[info.FullMethod]
	if !ok {
		return h(ctx, req) // every method missing from the table is open
	}
	if err := check(ctx, perm); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func served() {
	s := grpc.NewServer(grpc.UnaryInterceptor(commaOK))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.List and Items.Purge: not in the method table of commaOK, which lets them through unchecked; deny methods the table does not list`
}

// Methods left to UnimplementedItemsServer serve nothing.
func partialImpl() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(commaOK))
	itemspb.RegisterItemsServer(s, partial{}) // want `Items.List: not in the method table of commaOK`
}

var rules = map[string][]string{
	itemspb.Items_Get_FullMethodName:    {"a"},
	itemspb.Items_List_FullMethodName:   {"a"},
	itemspb.Items_Delete_FullMethodName: {"a"},
}

func nilEntry(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want nilEntry:"fail-open unary table"
	m := info.FullMethod
	if rules[m] == nil {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func switched(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want switched:"authenticates" switched:"fail-open unary table"
	switch info.FullMethod {
	case itemspb.Items_Delete_FullMethodName, itemspb.Items_Purge_FullMethodName:
		if err := check(ctx, "admin"); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

func viaConstructor() {
	opts := []grpc.ServerOption{grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		return h(ctx, req)
	}, nilEntry)}
	s := grpc.NewServer(opts...)
	itemspb.RegisterItemsServer(s, &items{}) // want `Items.Purge: not in the method table of nilEntry`
	s2 := grpc.NewServer(grpc.UnaryInterceptor(switched))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.Get and Items.List: not in the method table of switched`
}

func crossPackage() {
	s := grpc.NewServer(grpc.UnaryInterceptor(lib.Unary))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.Delete and Items.Purge: not in the method table of lib.Unary`
	s2 := grpc.NewServer(grpc.ChainUnaryInterceptor(lib.New()))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.Delete and Items.Purge: not in the method table of lib.New\(\)`
}

// Silent: fail-closed, a table of public methods that skip auth.
var public = map[string]bool{itemspb.Items_Get_FullMethodName: true}

func failClosed(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if public[info.FullMethod] {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func closedDefault(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want closedDefault:"authenticates"
	perm, ok := required[info.FullMethod]
	if !ok {
		return nil, status.Error(codes.PermissionDenied, "unknown method")
	}
	if err := check(ctx, perm); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

var all = map[string]string{
	itemspb.Items_Get_FullMethodName:    "r",
	itemspb.Items_List_FullMethodName:   "r",
	itemspb.Items_Delete_FullMethodName: "w",
	itemspb.Items_Purge_FullMethodName:  "w",
}

func complete(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want complete:"fail-open unary table"
	perm, ok := all[info.FullMethod]
	if !ok {
		return h(ctx, req)
	}
	if err := check(ctx, perm); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

// A table that grows at run time cannot be judged.
var grown = map[string]string{itemspb.Items_Get_FullMethodName: "r"}

func init() { grown[itemspb.Items_List_FullMethodName] = "r" }

func grows(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
	if _, ok := grown[info.FullMethod]; !ok {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

// Authentication first, then a table of permissions: not a bypass of
// authentication.
func authFirst(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want authFirst:"authenticates"
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	if _, ok := required[info.FullMethod]; !ok {
		return h(ctx, req)
	}
	return h(ctx, req)
}

func silent(extra grpc.ServerOption) {
	for _, i := range []grpc.UnaryServerInterceptor{failClosed, closedDefault, complete, grows, authFirst} {
		s := grpc.NewServer(grpc.UnaryInterceptor(i))
		itemspb.RegisterItemsServer(s, items{})
	}
	s := grpc.NewServer(grpc.UnaryInterceptor(failClosed))
	itemspb.RegisterItemsServer(s, items{})
	s = grpc.NewServer(grpc.UnaryInterceptor(closedDefault))
	itemspb.RegisterItemsServer(s, items{})
	s2 := grpc.NewServer(grpc.UnaryInterceptor(complete))
	itemspb.RegisterItemsServer(s2, items{})
	s3 := grpc.NewServer(grpc.UnaryInterceptor(grows))
	itemspb.RegisterItemsServer(s3, items{})
	s4 := grpc.NewServer(grpc.UnaryInterceptor(authFirst))
	itemspb.RegisterItemsServer(s4, items{})
	// The stream side is not looked up in the unary table.
	s5 := grpc.NewServer(grpc.UnaryInterceptor(complete), extra)
	itemspb.RegisterItemsServer(s5, items{})
}
