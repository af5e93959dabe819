# Installation and the .deb (issue 12, item 5).
#
#   cmake --install build [--prefix P]    (DESTDIR=… to stage)   puts under the prefix:
#     bin/notice
#     lib/notice/notice-pdf.so              the PDF source, loaded when the first PDF comes
#     lib/notice/notice-html.so             the web-page source, loaded when the first page comes
#     lib/notice/notice-package.so          the OFD and .docx sources, loaded when the first zip comes
#     lib/notice/notice-sqlite.so           the archive in a file (SQLite), loaded when one is opened
#     lib/notice/notice-pg.so               the PostgreSQL archive, loaded when one is opened
#     share/notice/grammars/                the rule files
#     share/notice/schema/                  the JSON Schemas of records, diffs and series
#     share/man/man1/notice.1.gz            the manual (doc/notice.1)
#     share/bash-completion/completions/notice
#     share/doc/notice/README.md
#   cd build && cpack                        the same as a Debian package, build/notice_VERSION_ARCH.deb
#
# The installed program finds its rules from where it is itself (/proc/self/exe, then the path
# from bin/ to share/notice/), so it runs wherever the tree is installed or moved to, with the
# source tree gone (engine/grammar/grammar_location.h gives the whole order of look-ups).
include(GNUInstallDirs)

file(RELATIVE_PATH NOTICE_DATA_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_DATADIR}/notice")
target_compile_definitions(notice_grammar PRIVATE NOTICE_DATA_FROM_BIN="${NOTICE_DATA_FROM_BIN}")
file(RELATIVE_PATH NOTICE_LIB_FROM_BIN "${CMAKE_INSTALL_FULL_BINDIR}" "${CMAKE_INSTALL_FULL_LIBDIR}/notice")
target_compile_definitions(notice_grammar PRIVATE NOTICE_LIB_FROM_BIN="${NOTICE_LIB_FROM_BIN}")

install(TARGETS notice RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# The PDF source, loaded by notice when it reads its first PDF (engine/extract/pdf_module.h).
install(TARGETS notice_pdf_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/notice)
install(TARGETS notice_html_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/notice)
install(TARGETS notice_package_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/notice)
# The PostgreSQL archive, loaded when a server's archive is opened (engine/archive/pg_module.h).
install(TARGETS notice_pg_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/notice)
# The SQLite archive, likewise (engine/archive/sqlite_module.h).
install(TARGETS notice_sqlite_module LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/notice)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/grammars/ DESTINATION ${CMAKE_INSTALL_DATADIR}/notice/grammars)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/schema/ DESTINATION ${CMAKE_INSTALL_DATADIR}/notice/schema
        FILES_MATCHING PATTERN "*.schema.json")
install(FILES ${CMAKE_SOURCE_DIR}/packaging/bash-completion/notice
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${CMAKE_SOURCE_DIR}/README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

# The manual compressed as Debian ships manuals (gzip -9n: no name, no time stamp).
set(NOTICE_MAN_PAGE ${CMAKE_BINARY_DIR}/doc/notice.1.gz)
add_custom_command(OUTPUT ${NOTICE_MAN_PAGE}
                   COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/doc
                   COMMAND sh -c "gzip -9n -c '${CMAKE_SOURCE_DIR}/doc/notice.1' > '${NOTICE_MAN_PAGE}'"
                   DEPENDS ${CMAKE_SOURCE_DIR}/doc/notice.1 VERBATIM)
add_custom_target(man ALL DEPENDS ${NOTICE_MAN_PAGE})
install(FILES ${NOTICE_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# The .deb: the same files under /usr. Its dependencies are the Debian packages of the shared
# libraries the binary links, found by dpkg-shlibdeps (dpkg-dev); without it, the list below,
# which is what dpkg-shlibdeps gives on Debian 12.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME notice)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "notice maintainers <notice@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Chinese official notices (公文) into structured records")
set(CPACK_PACKAGE_DESCRIPTION "Reads Chinese official notices (公文) - PDFs, scans (OCR), saved web pages, OFD, Word .docx and text exports - into structured notice/1 records (JSON), compares them across years and provinces, and keeps them in a searchable archive.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION text)
# Looked for at run time: Tesseract's Chinese data (OCR of scans), poppler's CJK encodings.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "tesseract-ocr-chi-sim, poppler-data")
find_program(NOTICE_DPKG_SHLIBDEPS dpkg-shlibdeps)
if(NOTICE_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
else()
  file(STRINGS ${CMAKE_SOURCE_DIR}/packaging/debian-12-depends.txt NOTICE_DEB_DEPENDS REGEX "^[^#]")
  list(JOIN NOTICE_DEB_DEPENDS ", " CPACK_DEBIAN_PACKAGE_DEPENDS)
endif()
# cpack packs what is built: it does not build everything first (the tests included), which
# would make tests/install/check_install.sh rebuild the whole tree.
set(CMAKE_SKIP_INSTALL_ALL_DEPENDENCY TRUE)
include(CPack)
