#include "common/lg.h"
#include "rewrite/rewrite.h"
