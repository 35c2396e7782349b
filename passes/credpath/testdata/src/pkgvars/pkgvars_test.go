package pkgvars

func init() { testSet = "testdata/sa.json" }
