/* unit.h - what every cmocka unit test needs: cmocka and a temp database. */
#ifndef KZ_UNIT_H
#define KZ_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#endif
