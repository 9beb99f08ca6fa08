#include "common/lg.h"
