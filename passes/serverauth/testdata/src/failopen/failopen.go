// Package failopen serves with auth interceptors that look the method
// up in a table.
package failopen

import (
	"context"
	"failopen/lib"
	"slices"

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

func commaOK(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want commaOK:"fail-open unary table" commaOK:"authenticates some calls"
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
	itemspb.RegisterItemsServer(s, items{}) // want `Items.List and Items.Purge: missing from the method table of commaOK, so served unchecked; deny unlisted methods`
}

// Methods left to UnimplementedItemsServer serve nothing.
func partialImpl() {
	s := grpc.NewServer(grpc.ChainUnaryInterceptor(commaOK))
	itemspb.RegisterItemsServer(s, partial{}) // want `Items.List: missing from the method table of commaOK`
}

var rules = map[string][]string{
	itemspb.Items_Get_FullMethodName:    {"a"},
	itemspb.Items_List_FullMethodName:   {"a"},
	itemspb.Items_Delete_FullMethodName: {"a"},
}

func nilEntry(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want nilEntry:"fail-open unary table" nilEntry:"authenticates some calls"
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

var requiresAuth = map[string]bool{itemspb.Items_Delete_FullMethodName: true}

// The positive form: present, checked; absent, served.
func present(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want present:"authenticates" present:"fail-open unary table"
	if requiresAuth[info.FullMethod] {
		if err := check(ctx, ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

func presentOK(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want presentOK:"authenticates" presentOK:"fail-open unary table"
	if _, ok := required[info.FullMethod]; ok {
		if err := check(ctx, ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

// The absent branch checks, the else serves: fail-closed.
func absentChecks(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want absentChecks:"authenticates"
	if _, ok := public[info.FullMethod]; !ok {
		if err := check(ctx, ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

func positive() {
	s := grpc.NewServer(grpc.UnaryInterceptor(present))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.Get, Items.List and Items.Purge: missing from the method table of present`
	s2 := grpc.NewServer(grpc.UnaryInterceptor(presentOK))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.List and Items.Purge: missing from the method table of presentOK`
	s3 := grpc.NewServer(grpc.UnaryInterceptor(absentChecks))
	itemspb.RegisterItemsServer(s3, items{})
}

func viaConstructor() {
	opts := []grpc.ServerOption{grpc.ChainUnaryInterceptor(func(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) {
		return h(ctx, req)
	}, nilEntry)}
	s := grpc.NewServer(opts...)
	itemspb.RegisterItemsServer(s, &items{}) // want `Items.Purge: missing from the method table of nilEntry`
	s2 := grpc.NewServer(grpc.UnaryInterceptor(switched))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.Get and Items.List: missing from the method table of switched`
}

func crossPackage() {
	s := grpc.NewServer(grpc.UnaryInterceptor(lib.Unary))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.Delete and Items.Purge: missing from the method table of lib.Unary`
	s2 := grpc.NewServer(grpc.ChainUnaryInterceptor(lib.New()))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.Delete and Items.Purge: missing from the method table of lib.New\(\)`
}

// Silent: fail-closed, a table of public methods that skip auth.
var public = map[string]bool{itemspb.Items_Get_FullMethodName: true}

func failClosed(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want failClosed:"authenticates some calls"
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

func complete(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want complete:"fail-open unary table" complete:"authenticates some calls"
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

func grows(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want grows:"authenticates some calls"
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

// The table behind a helper, in the shapes real interceptors have.
var protected = map[string]bool{
	itemspb.Items_Delete_FullMethodName: true,
	itemspb.Items_Purge_FullMethodName:  true,
}

// skip is true for the methods the table does not protect.
func skip(m string) bool {
	_, ok := protected[m]
	return !ok
}

func viaSkip(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want viaSkip:"fail-open unary table" viaSkip:"authenticates some calls"
	if skip(info.FullMethod) {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func needsAuth(method string) bool { return protected[method] }

func viaNeeds(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want viaNeeds:"fail-open unary table" viaNeeds:"authenticates some calls"
	if !needsAuth(info.FullMethod) {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

var protectedList = []string{itemspb.Items_Get_FullMethodName, itemspb.Items_Purge_FullMethodName}

func viaList(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want viaList:"authenticates" viaList:"fail-open unary table"
	if slices.Contains(protectedList, info.FullMethod) {
		if err := check(ctx, ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

func helpers() {
	s := grpc.NewServer(grpc.UnaryInterceptor(viaSkip))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.Get and Items.List: missing from the method table of viaSkip`
	s2 := grpc.NewServer(grpc.UnaryInterceptor(viaNeeds))
	itemspb.RegisterItemsServer(s2, items{}) // want `Items.Get and Items.List: missing from the method table of viaNeeds`
	s3 := grpc.NewServer(grpc.UnaryInterceptor(viaList))
	itemspb.RegisterItemsServer(s3, items{}) // want `Items.Delete and Items.List: missing from the method table of viaList`
}

// Silent: the fail-closed helper, public methods skip auth.
func isPublic(m string) bool {
	_, ok := public[m]
	return ok
}

func publicHelper(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want publicHelper:"authenticates some calls"
	if isPublic(info.FullMethod) {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

var publicList = []string{itemspb.Items_Get_FullMethodName}

func publicSlice(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want publicSlice:"authenticates some calls"
	if slices.Contains(publicList, info.FullMethod) {
		return h(ctx, req)
	}
	if err := check(ctx, ""); err != nil {
		return nil, err
	}
	return h(ctx, req)
}

func helpersSilent() {
	s := grpc.NewServer(grpc.UnaryInterceptor(publicHelper))
	itemspb.RegisterItemsServer(s, items{})
	s2 := grpc.NewServer(grpc.UnaryInterceptor(publicSlice))
	itemspb.RegisterItemsServer(s2, items{})
}

// ardanlabs/service's shape: the cases name a proto package the service
// is not in, so every method takes the path that calls the handler.
func wrongPrefix(ctx context.Context, req any, info *grpc.UnaryServerInfo, h grpc.UnaryHandler) (any, error) { // want wrongPrefix:"authenticates" wrongPrefix:`fail-open unary table \[/items.Items/Delete /items.Items/Get\]`
	switch info.FullMethod {
	case "/items.Items/Get", "/items.Items/Delete":
		if err := check(ctx, ""); err != nil {
			return nil, err
		}
	}
	return h(ctx, req)
}

func deadEntries() {
	s := grpc.NewServer(grpc.UnaryInterceptor(wrongPrefix))
	itemspb.RegisterItemsServer(s, items{}) // want `Items.Delete, Items.Get, Items.List and 1 more: missing from the method table of wrongPrefix`
}
