package lintutil

import (
	"fmt"
	"go/constant"
	"go/types"

	"golang.org/x/tools/go/analysis"
)

// GRPCVersion returns the major and minor version of the grpc-go module
// pass's package is built against, read from the constant google.golang.org/grpc.Version,
// or ok=false when it cannot see that package.
func GRPCVersion(pass *analysis.Pass) (major, minor int, ok bool) {
	grpc := FindPackage(pass, "google.golang.org/grpc")
	if grpc == nil {
		return 0, 0, false
	}
	c, isConst := grpc.Scope().Lookup("Version").(*types.Const)
	if !isConst || c.Val().Kind() != constant.String {
		return 0, 0, false
	}
	if _, err := fmt.Sscanf(constant.StringVal(c.Val()), "%d.%d", &major, &minor); err != nil {
		return 0, 0, false
	}
	return major, minor, true
}
