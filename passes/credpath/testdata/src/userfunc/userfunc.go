// Package userfunc is checked with -credpath.func entries for package
// userfunc/lib.
package userfunc

import "userfunc/lib"

const keys = "/home/alice/keys"

func calls(src lib.Source, opts *lib.Options) {
	lib.LoadKey("/home/alice/name", keys+"/sa.json") // want `^credential file "/home/alice/keys/sa.json" is in a home directory; read the path from configuration$`
	var l lib.Loader
	l.Load("key.pem")       // want `credential file "key.pem" is relative`
	src.Open("/tmp/k.json") // want `credential file "/tmp/k.json" is in a temporary directory`
	_ = lib.Options{
		Name:    "/home/alice/not-a-key", // not declared
		KeyFile: "k.json",                // want `credential file "k.json" is relative`
	}
	opts.KeyFile = "/home/bob/k.json" // want `credential file "/home/bob/k.json"`
	var b lib.Box[int]
	b.Load("box.json")                                       // want `credential file "box.json" is relative`
	lib.Generic[string]("gen.json", "")                      // want `credential file "gen.json" is relative`
	lib.Generic("gen2.json", 1)                              // want `credential file "gen2.json" is relative`
	lib.LoadKey("/run/secrets/name", "/run/secrets/sa.json") // allowed prefix
}

// Embedded fields are followed to the declaring type.
type wrapped struct {
	lib.Options
	Extra string
}

func embedded() {
	var w wrapped
	w.KeyFile = "/tmp/embedded.json" // want `"/tmp/embedded.json" is in a temporary directory`
	w.Extra = "/tmp/extra.json"
}
