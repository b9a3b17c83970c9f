/* place.h - the names of places kizuna knows, as a reader of Japanese writes them. */
#ifndef KZ_PLACE_H
#define KZ_PLACE_H

/*
 * A place is stored as it was typed: a Chinese host writes its province
 * and city in simplified characters (郑州市, 黑龙江省). A reader of
 * Japanese reads them in Japanese forms (鄭州市, 黒竜江省), which
 * iso-codes does not give for Chinese provinces (country.h) and gives
 * for no city. The names known are China's provinces and the cities of
 * the demo and its seminars, and Korea's provinces and the demo's
 * Korean cities as the Seoul office types them in Hangul (경상북도
 * 경주시 as 慶尚北道 慶州市); any other name shows as typed.
 */

/* The form of name in lang ("ja"; NULL: the reader's), the whole name
 * or the name without its kind (广州 as well as 广州市); NULL when not
 * known, or lang needs none. */
const char *kz_place_name(const char *name, const char *lang);
/* text with each known name in it in lang (NULL: the reader's): names
 * apart by spaces, commas or 、 ("四川省 成都市 农业农村厅" as
 * "四川省 成都市 农业农村厅", "黑龙江省 哈尔滨市" as "黒竜江省 哈爾浜市").
 * malloc'd; NULL when out of memory. */
char *kz_place_text(const char *text, const char *lang);

#endif
