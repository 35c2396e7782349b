package lintutil

import "go/types"

// DeclaredFieldKey returns the API-table key of a selected struct field
// in FieldKey's notation, "pkgpath.Type.Field", naming the struct type
// that declares the field: a promoted field (w.KeyFile, where w embeds
// Options) is followed through its embedded fields to Options. For a
// direct field it equals FieldKey. It returns "" for a method, for a
// field of an unnamed struct, or when the path crosses a non-struct.
func DeclaredFieldKey(sel *types.Selection) string {
	if sel == nil || sel.Kind() != types.FieldVal {
		return ""
	}
	t := sel.Recv()
	idx := sel.Index()
	for _, i := range idx[:len(idx)-1] {
		st, ok := Deref(t).Underlying().(*types.Struct)
		if !ok || i >= st.NumFields() {
			return ""
		}
		t = st.Field(i).Type()
	}
	if k := TypeKey(t); k != "" {
		return k + "." + sel.Obj().Name()
	}
	return ""
}
