package missing

func fine() {} // want "call of Bad"
