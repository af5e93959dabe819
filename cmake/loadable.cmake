# notice_loadable(<name> HOST <library> SOURCES <file>... ENTRY <file> LOADER <file> LIBRARIES <library>...)
#
# A part of the engine that a program can have linked in or loaded when it is first needed.
# Its SOURCES are compiled once, position-independent (notice_<name>_objects), and make:
#   notice_<name>         the part linked in, with its LIBRARIES;
#   notice_<name>_module  lib/notice/notice-<name>.so: the objects, ENTRY (the functions the
#                         loader looks up) and the LIBRARIES; the engine's own functions come from
#                         the program, which must export its symbols (ENABLE_EXPORTS) and hold all
#                         of the engine the module uses;
#   notice_<name>_loader  LOADER, which dlopens the module (it is told the build tree's copy as
#                         NOTICE_<NAME>_MODULE_BUILT, for a program run before it is installed).
# HOST links the one or the other: the loader for a program whose target sets the property
# NOTICE_<NAME>_MODULE, so that a command that does not need the part does not load the
# libraries it pulls in.
function(notice_loadable name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "HOST;ENTRY;LOADER" "SOURCES;LIBRARIES")
  string(TOUPPER "NOTICE_${name}_MODULE" switch)
  set(part notice_${name})

  add_library(${part}_objects OBJECT ${arg_SOURCES})
  set_target_properties(${part}_objects PROPERTIES POSITION_INDEPENDENT_CODE ON)
  target_link_libraries(${part}_objects PUBLIC notice_grammar ${arg_LIBRARIES})

  add_library(${part} STATIC)
  target_link_libraries(${part} PUBLIC ${arg_HOST} ${arg_LIBRARIES} PRIVATE ${part}_objects)

  add_library(${part}_module MODULE ${arg_ENTRY} $<TARGET_OBJECTS:${part}_objects>)
  set_target_properties(${part}_module PROPERTIES OUTPUT_NAME notice-${name} PREFIX ""
                        LIBRARY_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/lib/notice)
  target_include_directories(${part}_module PRIVATE ${PROJECT_SOURCE_DIR}/engine)
  target_link_libraries(${part}_module PRIVATE ${arg_LIBRARIES} PkgConfig::RE2 ICU::uc nlohmann_json::nlohmann_json)
  # Its own functions resolve to its own copies, not to a program's that has the part linked in.
  target_link_options(${part}_module PRIVATE LINKER:-Bsymbolic)

  add_library(${part}_loader STATIC ${arg_LOADER})
  target_link_libraries(${part}_loader PUBLIC ${arg_HOST} ${CMAKE_DL_LIBS})
  target_compile_definitions(${part}_loader PRIVATE ${switch}_BUILT="$<TARGET_FILE:${part}_module>")
  add_dependencies(${part}_loader ${part}_module)

  target_link_libraries(${arg_HOST} PUBLIC "$<IF:$<BOOL:$<TARGET_PROPERTY:${switch}>>,${part}_loader,${part}>")
endfunction()
